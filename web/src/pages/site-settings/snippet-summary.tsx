// One snippet in a list: its name, consent category, where it goes, and what
// it declares (addresses, cookies). Used in site settings and in the editor.
import { CATEGORY_INFO, type Snippet } from './snippet-model';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function CategoryBadge({ category }: { category: Snippet['category'] }) {
  return <span className={`category-badge category-${category}`}>{CATEGORY_INFO[category].label}</span>;
}

export function SnippetSummary({ snippet }: { snippet: Snippet }) {
  const details = [
    snippet.placement === 'head' ? 'in the page head' : 'at the end of the page',
    snippet.origins.length ? plural(snippet.origins.length, 'address', 'addresses') : '',
    snippet.cookies.length ? plural(snippet.cookies.length, 'cookie', 'cookies') : 'no cookies declared',
  ].filter(Boolean);
  return (
    <div className="snippet-summary">
      <span className="snippet-icon" aria-hidden="true">
        <svg viewBox="0 0 16 16">
          <path d="M5.5 4.5 2 8l3.5 3.5M10.5 4.5 14 8l-3.5 3.5" />
        </svg>
      </span>
      <span className="snippet-text">
        <span className="snippet-name-row">
          <span className="snippet-name">{snippet.name}</span>
          <CategoryBadge category={snippet.category} />
        </span>
        <span className="snippet-details">{details.join(' · ')}</span>
      </span>
    </div>
  );
}
