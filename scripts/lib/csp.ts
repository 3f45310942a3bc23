/**
 * The Content-Security-Policy of every page: scripts from this site and from Office's CDN only, no inline script,
 * no eval, styles and images from this site. The build writes it as a <meta> into each HTML page; a host should
 * also send it as a header (docs/deployment.md, hosting). The preview page (development only) runs without Office.
 */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com";

const DIRECTIVES: Record<string, string> = {
  "default-src": "'self'",
  "script-src": `'self' ${OFFICE_CDN}`,
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join("; ");

/** The preview page has no Office and reads sample workbooks as blobs from the dev server. */
export const PREVIEW_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  `script-src 'self' ${OFFICE_CDN}`,
  "script-src 'self'",
).replace("connect-src 'self'", "connect-src 'self' blob: data:");

const escapeAttribute = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** The policy goes first in <head> so that it governs every script and style the page loads. */
export function withCspMeta(html: string, policy: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error("page has no <head>");
  const at = head.index + head[0].length;
  const charset = /^\s*<meta\s+charset=[^>]*>/i.exec(html.slice(at));
  const insertAt = charset ? at + charset[0].length : at;
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />`;
  return html.slice(0, insertAt) + meta + html.slice(insertAt);
}

/** What a page breaks of the policy, said so the build can refuse it rather than the browser in production. */
export function policyProblems(html: string, options: { office: boolean }): string[] {
  const problems: string[] = [];
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  // Quoted or not: the check must hold on minified HTML too.
  const srcOf = (attributes: string): string | undefined => {
    const m = /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  };
  for (const [, attributes, body] of scripts) {
    const src = srcOf(attributes!);
    if (src === undefined) problems.push(`inline <script> (${body!.trim().slice(0, 40)}...)`);
    else if (/^(https?:)?\/\//i.test(src) && src !== OFFICE_JS_URL) problems.push(`script from another site: ${src}`);
  }
  if (/\son[a-z]+\s*=/i.test(html)) problems.push("inline event handler attribute (onclick=...)");
  if (/<style\b|\sstyle\s*=/i.test(html)) problems.push("inline style (use a CSS file)");
  const officeScripts = scripts.filter(([, attributes]) => srcOf(attributes!) === OFFICE_JS_URL).length;
  if (options.office && officeScripts !== 1)
    problems.push(`office.js must be loaded once from ${OFFICE_JS_URL}, found ${officeScripts}`);
  if (!options.office && officeScripts > 0) problems.push("office.js must not be loaded here");
  return problems;
}
