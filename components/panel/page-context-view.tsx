import { pageContextIds, pageKindLabels, siteLabels, type PageContext } from '@/lib/core/page-context';

/** What Sidecar read from the URL: provider and page kind, with the record identifiers one click away. */
export function PageContextView({ context }: { context: PageContext }) {
  return (
    <section className="page-context" aria-label="This page" data-testid="page-context">
      <p className="page-context-title">
        <span data-testid="page-site">{siteLabels[context.site]}</span>
        <span className="muted"> · </span>
        <span data-testid="page-kind">{pageKindLabels[context.kind]}</span>
      </p>
      <details className="page-details">
        <summary>Page details</summary>
        <dl className="facts">
          {pageContextIds(context).map(([label, value]) => (
            <div className="fact" key={label} data-testid={`page-id-${label.toLowerCase().replace(/\s+/g, '-')}`}>
              <dt>{label}</dt>
              <dd title={value}>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
