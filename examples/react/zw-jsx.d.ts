// JSX types for the zw-* elements in React 19: no wrapper components. React 19 sets a prop as a PROPERTY when the
// element has one (`data`, `headingLevel`, `query`, …: give it objects, numbers, booleans as they are) and as an
// attribute otherwise; a prop `on<event-name>` holding a function adds a listener for that event exactly as written
// (`onzw-load` listens to `zw-load`). The elements must be defined (imported) before React first renders them,
// or React sees no property and writes attributes instead. Copy this file into an app and keep the tags it uses.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ZwPolicyCard } from 'zhengwu-elements/policy-card.js';
import type { ZwInterpretation } from 'zhengwu-elements/interpretation.js';
import type { ZwInfographic } from 'zhengwu-elements/infographic.js';
import type { ZwPolicyCompare } from 'zhengwu-elements/policy-compare.js';
import type { ZwDisclosureDirectory } from 'zhengwu-elements/disclosure-directory.js';
import type { ZwReader } from 'zhengwu-elements/reader.js';
import type { ComparisonDocument, DirectoryDocument, InfographicDocument, InterpretationDocument, PolicyDocument, ZwLoadEvent } from 'zhengwu-elements';

/** `on<event>` props for the element's own events, typed from the library's GlobalEventHandlersEventMap. */
type Listeners<Events extends keyof GlobalEventHandlersEventMap> = { [N in Events as `on${N}`]?: (event: GlobalEventHandlersEventMap[N]) => void };

/** The properties every zw-* element shares (ZwElement), `data` typed with the element's document kind. */
type Shared = 'src' | 'timeout' | 'theme' | 'appearance' | 'preview' | 'headingLevel';
type ZwProps<E extends HTMLElement, Doc, Own extends keyof E = never, Events extends keyof GlobalEventHandlersEventMap = never> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Partial<Pick<E, Shared | Own>> & {
    data?: Doc | null;
    /** class, as in HTML (React 19 passes it through to custom elements; `className` works too). */
    class?: string;
    'onzw-load'?: (event: ZwLoadEvent<Doc>) => void;
  } & Listeners<'zw-error' | 'zw-empty' | Events>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'zw-policy-card': ZwProps<ZwPolicyCard, PolicyDocument, 'layout' | 'highlight'>;
      'zw-interpretation': ZwProps<ZwInterpretation, InterpretationDocument, 'anchorPrefix', 'zw-section-change' | 'zw-term-open'>;
      'zw-infographic': ZwProps<ZwInfographic, InfographicDocument>;
      'zw-policy-compare': ZwProps<
        ZwPolicyCompare,
        ComparisonDocument,
        'view' | 'changesOnly' | 'oldVersion' | 'newVersion' | 'anchorPrefix',
        'zw-versions-change' | 'zw-change-focus'
      >;
      'zw-disclosure-directory': ZwProps<
        ZwDisclosureDirectory,
        DirectoryDocument,
        'query' | 'column' | 'listMode' | 'pageSize' | 'urlPrefix' | 'urlState' | 'pinyin',
        'zw-search' | 'zw-select'
      >;
      'zw-reader': ZwProps<
        ZwReader,
        PolicyDocument,
        | 'for'
        | 'toolbar'
        | 'noRemember'
        | 'textScale'
        | 'lineHeight'
        | 'letterSpacing'
        | 'paragraphSpacing'
        | 'lineWidth'
        | 'font'
        | 'colorTheme'
        | 'elderly'
        | 'rate'
        | 'voice'
        | 'ruler'
        | 'crosshair'
        | 'caption'
        | 'largeCursor'
        | 'pinyin'
        | 'script',
        'zw-reader-change' | 'zw-speak'
      >;
    }
  }
}
