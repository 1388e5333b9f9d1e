// Site settings: favicon and social image: upload, preview, remove.
import { useRef, useState } from 'react';
import { api, ok, rawBody, ApiError, errorMessage, type SiteDocument } from '../../api';
import { toast } from '../../toast';
import { displayable } from '../../thumb';
import { Alert, Button, Spinner } from '../../ui';
import { type SiteContext } from '../site-frame';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif'];
const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

type ImageKey = 'favicon' | 'socialImage';

function ImagePicker({
  kind,
  label,
  hint,
  src,
  busy,
  onFile,
  onRemove,
}: {
  kind: ImageKey;
  label: string;
  hint: string;
  src: string | undefined;
  busy: boolean;
  onFile: (f: File) => void;
  onRemove: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const shown = displayable(src);
  const id = `${kind}-label`;
  return (
    <div className={`image-picker image-picker-${kind}`}>
      <div
        className={`image-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer.files[0];
          if (f) onFile(f);
        }}
      >
        {busy ? (
          <Spinner label={`Uploading ${label.toLowerCase()}`} />
        ) : shown ? (
          <img src={shown} alt={`Current ${label.toLowerCase()}`} />
        ) : src ? (
          <span className="image-drop-text">Set in the editor</span>
        ) : (
          <svg viewBox="0 0 24 24" aria-hidden="true" className="image-drop-icon">
            <path d="M4.5 5h15c.6 0 1 .4 1 1v12c0 .6-.4 1-1 1h-15a1 1 0 0 1-1-1V6c0-.6.4-1 1-1Zm-1 11 5-5 4 4 3-3 5 5M15.5 9.5a.5.5 0 1 0 0-1 .5.5 0 0 0 0 1Z" />
          </svg>
        )}
      </div>
      <div className="image-picker-text">
        <h3 id={id} className="image-picker-label">
          {label}
        </h3>
        <p className="field-hint">{hint}</p>
        <div className="image-picker-actions">
          <input
            ref={input}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) onFile(f);
            }}
          />
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => input.current?.click()} aria-describedby={id}>
            {src ? 'Replace' : 'Upload image'}
            <span className="visually-hidden"> for the {label.toLowerCase()}</span>
          </Button>
          {src && (
            <Button variant="ghost" size="sm" disabled={busy} onClick={onRemove}>
              Remove<span className="visually-hidden"> the {label.toLowerCase()}</span>
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}

export function Images({ site, reload }: SiteContext) {
  const [busy, setBusy] = useState<ImageKey | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);

  const save = async (key: ImageKey, value: string | undefined) => {
    const document: SiteDocument = { ...site.document };
    if (value) document[key] = value;
    else delete document[key];
    try {
      await ok(api.PUT('/api/sites/{siteId}/draft', { params: { path: { siteId: site.id } }, body: { revision: site.revision, document } }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await reload();
        throw new ApiError(
          409,
          'conflict',
          'The draft was changed elsewhere (in the editor or another tab) since this page loaded. We loaded the latest version; try again.',
        );
      }
      throw e;
    }
    await reload();
  };

  const upload = async (key: ImageKey, file: File) => {
    setError(null);
    if (!IMAGE_TYPES.includes(file.type)) {
      setError({ title: 'That file is not an image Atrium can use', message: 'Choose a PNG, JPEG, WebP, GIF or AVIF image.' });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setError({ title: 'That image is too large', message: 'Choose an image under 15 MB.' });
      return;
    }
    setBusy(key);
    try {
      const img = await ok(api.POST('/api/sites/{siteId}/assets', { params: { path: { siteId: site.id } }, ...rawBody(file) }));
      // A favicon is drawn at 16–64 px: use the smallest variant rather than the full-width one.
      const src = key === 'favicon' ? (img.srcset?.[0]?.src ?? img.src) : img.src;
      await save(key, src);
      toast(key === 'favicon' ? 'Favicon saved to the draft. Publish to put it live.' : 'Social image saved to the draft. Publish to put it live.');
    } catch (e) {
      setError({
        title: key === 'favicon' ? 'The favicon was not saved' : 'The social image was not saved',
        message: errorMessage(e, 'Something went wrong. Try again.'),
      });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (key: ImageKey) => {
    setError(null);
    setBusy(key);
    try {
      await save(key, undefined);
      toast(key === 'favicon' ? 'Favicon removed from the draft.' : 'Social image removed from the draft.');
    } catch (e) {
      setError({ title: 'The change was not saved', message: errorMessage(e, 'Something went wrong. Try again.') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="form-section" aria-labelledby="images-h">
      <h2 id="images-h" className="section-title section-title-tight">
        Favicon and social image
      </h2>
      <p className="section-hint">Saved to the draft; they go live the next time you publish. Drop an image on a box or choose one.</p>
      {error && (
        <div className="section-alert">
          <Alert title={error.title}>{error.message}</Alert>
        </div>
      )}
      <div className="image-pickers">
        <ImagePicker
          kind="favicon"
          label="Favicon"
          hint="The icon in browser tabs and bookmarks. A square image, at least 64 × 64 px."
          src={site.document.favicon}
          busy={busy === 'favicon'}
          onFile={(f) => void upload('favicon', f)}
          onRemove={() => void remove('favicon')}
        />
        <ImagePicker
          kind="socialImage"
          label="Social image"
          hint="Shown when a page is shared on social networks and in chats. 1200 × 630 px works everywhere."
          src={site.document.socialImage}
          busy={busy === 'socialImage'}
          onFile={(f) => void upload('socialImage', f)}
          onRemove={() => void remove('socialImage')}
        />
      </div>
    </section>
  );
}
