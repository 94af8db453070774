import { pageContextIds, pageKindLabels, siteLabels, type PageContext } from '@/lib/core/page-context';

/** What Sidecar read from the URL: provider, page kind and the record identifiers. */
export function PageContextView({ context }: { context: PageContext }) {
  return (
    <section className="card" aria-label="This page" data-testid="page-context">
      <h2 className="card-title">
        <span data-testid="page-site">{siteLabels[context.site]}</span>
        <span className="muted"> · </span>
        <span data-testid="page-kind">{pageKindLabels[context.kind]}</span>
      </h2>
      <dl className="facts">
        {pageContextIds(context).map(([label, value]) => (
          <div className="fact" key={label} data-testid={`page-id-${label.toLowerCase().replace(/\s+/g, '-')}`}>
            <dt>{label}</dt>
            <dd title={value}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
