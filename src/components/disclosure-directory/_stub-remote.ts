/** TEMPORARY STUB (element-helper): stands in for ./remote.ts until the server helper's lands. DELETE then. */
export class RemoteSearch {
  constructor(_url: string, _o: unknown) {}
  search(_q: unknown) {}
  abort() {}
}
