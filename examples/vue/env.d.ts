// Type of *.vue imports for `tsc` (vue-tsc would check the templates too; the build compiles them).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
