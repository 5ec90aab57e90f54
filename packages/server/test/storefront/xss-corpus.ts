/**
 * Script-injection payloads shoppers might type into any field (docs/reference/storefront.md §1.2, issue 7). Each
 * one, shown anywhere, must stay text: no element, no attribute, no script.
 */
export const XSS_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload=window.__xss=3>',
  "'><iframe src=javascript:window.__xss=4>",
  '</script><script>window.__xss=5</script>',
  '</style><img src=x onerror=window.__xss=6>',
  '<a href="javascript:window.__xss=7">click</a>',
  '{{constructor.constructor("window.__xss=8")()}}',
  '\u2028</script>\u2029<b onmouseover=window.__xss=9>x</b>',
  '&lt;script&gt;window.__xss=10&lt;/script&gt;',
] as const;
