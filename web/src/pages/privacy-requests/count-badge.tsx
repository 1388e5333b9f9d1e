// The count of a site's privacy requests waiting for an answer, on its navigation entry: red when one is overdue.
import { useRequestCounts } from '../../privacy-counts';

export function RequestCountBadge({ siteId }: { siteId: string }) {
  const counts = useRequestCounts(siteId);
  if (!counts?.open) return null;
  return (
    <span className={`nav-count${counts.overdue ? ' nav-count-overdue' : ''}`}>
      {counts.open}
      <span className="visually-hidden"> waiting for an answer{counts.overdue ? `, ${counts.overdue} overdue` : ''}</span>
    </span>
  );
}
