// "Privacy & cookies" and "Custom code" of site settings, loaded as their own
// chunk when settings open: they carry the consent registries and wording
// (src/consent), which the rest of the dashboard never needs.
import { type SiteContext } from '../site-frame';
import { CustomCode } from './custom-code';
import { Privacy } from './privacy';

export default function ConsentSections(ctx: SiteContext) {
  return (
    <>
      <Privacy {...ctx} />
      <CustomCode {...ctx} />
    </>
  );
}
