// Custom Puck fields: images (upload by picker or drag and drop, or chosen
// from the site's earlier uploads, then alt text), optional buttons, and
// one-item-per-line lists.
import { FieldLabel, type CustomField } from '@puckeditor/core';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { api, ok, ApiError, type UploadedImage as Asset } from '../api';
import { useEditorEnv, type UploadedImage } from './env';

export interface ImageValue {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  srcset?: { src: string; width: number }[];
}

type LibraryAsset = Asset;

/** The smallest variant that still fills a grid cell. */
const thumbOf = (a: LibraryAsset) => [...(a.srcset ?? [])].sort((x, y) => x.width - y.width).find((s) => s.width >= 240)?.src ?? a.srcset?.[0]?.src ?? a.src;

/** A modal grid of the images already uploaded to this site; picking one reuses it without another upload. */
function ImageLibrary({ current, onPick, onClose }: { current?: string; onPick(a: LibraryAsset): void; onClose(): void }) {
  const { siteId } = useEditorEnv();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; assets: LibraryAsset[] }>({
    kind: 'loading',
  });

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    ok(api.GET('/api/sites/{siteId}/assets', { params: { path: { siteId } } })).then(
      (r) => live && setState({ kind: 'ready', assets: r.assets }),
      (e: unknown) => live && setState({ kind: 'error', message: e instanceof ApiError ? e.message : 'The images could not be loaded. Try again.' }),
    );
    return () => {
      live = false;
    };
  }, [siteId]);

  const date = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '');

  return (
    <dialog
      ref={ref}
      className="ed-dialog ed-library"
      aria-labelledby={`${id}-title`}
      aria-busy={state.kind === 'loading' || undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} className="ed-dialog-title">
        This site’s images
      </h2>
      {state.kind === 'loading' && (
        <p className="ed-hint" role="status">
          Loading images…
        </p>
      )}
      {state.kind === 'error' && (
        <p className="ed-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && state.assets.length === 0 && <p className="ed-dialog-text">No images yet. Upload one and it will be here to reuse.</p>}
      {state.kind === 'ready' && state.assets.length > 0 && (
        <ul className="ed-library-grid" aria-label="Images">
          {state.assets.map((a, i) => {
            const size = a.width && a.height ? `${a.width} × ${a.height}` : '';
            const name = [`Image ${i + 1}`, size, a.createdAt ? `uploaded ${date(a.createdAt)}` : ''].filter(Boolean).join(', ');
            return (
              <li key={a.id}>
                <button type="button" className="ed-library-item" aria-label={name} aria-current={a.src === current || undefined} onClick={() => onPick(a)}>
                  <img src={thumbOf(a)} alt="" loading="lazy" width={a.width} height={a.height} />
                  {size && (
                    <span className="ed-library-size" aria-hidden="true">
                      {size}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="ed-dialog-actions">
        <button type="button" className="ed-btn ed-btn-secondary ed-btn-md" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,image/avif';

/** Sources the editor can show: site paths (served on the app host too), https and image data URLs. */
const previewable = (src: string) => /^(\/(?!\/)|https?:\/\/|data:image\/)/i.test(src);

function ImageInput({
  label,
  value,
  onChange,
  optional,
}: {
  label: string;
  value: ImageValue | undefined;
  onChange(v: ImageValue | undefined): void;
  optional: boolean;
}) {
  const { uploadImage } = useEditorEnv();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const altRef = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const hasImage = Boolean(value?.src);

  /** Sets the image and asks for its description right away: it is what screen readers and search engines get. */
  const use = (r: UploadedImage) => {
    const next: ImageValue = { src: r.src, alt: value?.alt ?? '' };
    if (r.width) next.width = r.width;
    if (r.height) next.height = r.height;
    if (r.srcset?.length) next.srcset = r.srcset;
    onChange(next);
    requestAnimationFrame(() => {
      altRef.current?.focus();
      altRef.current?.select();
    });
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPT.split(',').includes(file.type)) {
      setError('Choose a PNG, JPEG, WebP, GIF or AVIF image.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      use(await uploadImage(file));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The image could not be uploaded. Try again.');
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void upload(e.dataTransfer.files[0]);
  };

  return (
    <FieldLabel label={label} el="div">
      <div
        className={`ed-image${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setOver(true);
          }
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {hasImage && previewable(value!.src) ? (
          <img className="ed-image-preview" src={value!.src} alt="" />
        ) : (
          <div className="ed-image-empty" aria-hidden="true">
            <svg viewBox="0 0 24 24">
              <rect x="3" y="4" width="18" height="16" rx="2" />
              <circle cx="9" cy="10" r="2" />
              <path d="m21 16-5-5-9 9" />
            </svg>
            <span>Drop an image here</span>
          </div>
        )}
        <div className="ed-image-actions">
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            tabIndex={-1}
            aria-label={`${label} file`}
            onChange={(e) => void upload(e.target.files?.[0])}
          />
          <button
            type="button"
            className="ed-btn ed-btn-secondary ed-btn-sm"
            onClick={() => fileRef.current?.click()}
            disabled={busy}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            {busy ? 'Uploading…' : hasImage ? 'Replace image' : 'Upload image'}
          </button>
          <button ref={chooseRef} type="button" className="ed-btn ed-btn-ghost ed-btn-sm" onClick={() => setChoosing(true)} disabled={busy}>
            Choose from this site’s images
          </button>
          {hasImage && optional && (
            <button type="button" className="ed-btn ed-btn-ghost ed-btn-sm" onClick={() => onChange(undefined)}>
              Remove
            </button>
          )}
        </div>
        {choosing && (
          <ImageLibrary
            current={value?.src}
            onClose={() => {
              setChoosing(false);
              chooseRef.current?.focus();
            }}
            onPick={(a) => {
              setChoosing(false);
              use(a);
            }}
          />
        )}
        {busy && (
          <p className="ed-hint" role="status">
            Uploading and resizing…
          </p>
        )}
        {error && (
          <p className="ed-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      {hasImage && (
        <div className="ed-subfield">
          <label htmlFor={`${id}-alt`} className="ed-sublabel">
            Alt text
          </label>
          <textarea
            ref={altRef}
            id={`${id}-alt`}
            className="ed-input ed-textarea"
            rows={2}
            maxLength={300}
            value={value!.alt}
            placeholder="Describe the image, e.g. “The dashboard showing weekly trends”"
            aria-describedby={`${id}-alt-hint`}
            onChange={(e) => onChange({ ...value!, alt: e.target.value })}
          />
          <p id={`${id}-alt-hint`} className={`ed-hint${value!.alt.trim() ? '' : ' ed-hint-warn'}`}>
            {value!.alt.trim()
              ? 'Read aloud to people who cannot see the image.'
              : 'Add a description for people who cannot see the image. Leave empty only if it is decorative.'}
          </p>
        </div>
      )}
    </FieldLabel>
  );
}

export function imageField(label: string, optional = true): CustomField<ImageValue | undefined> {
  return {
    type: 'custom',
    label,
    render: ({ value, onChange }) => <ImageInput label={label} value={value} onChange={onChange} optional={optional} />,
  };
}

interface ButtonValue {
  label: string;
  href: string;
}

function ButtonInput({ label, value, onChange }: { label: string; value: ButtonValue | undefined; onChange(v: ButtonValue | undefined): void }) {
  const id = useId();
  const v = value ?? { label: '', href: '' };
  const set = (patch: Partial<ButtonValue>) => {
    const next = { ...v, ...patch };
    onChange(next.label || next.href ? next : undefined);
  };
  return (
    <FieldLabel label={label} el="div">
      <div className="ed-pair">
        <div className="ed-subfield">
          <label htmlFor={`${id}-label`} className="ed-sublabel">
            Text
          </label>
          <input
            id={`${id}-label`}
            className="ed-input"
            value={v.label}
            maxLength={60}
            placeholder="No button"
            onChange={(e) => set({ label: e.target.value })}
          />
        </div>
        <div className="ed-subfield">
          <label htmlFor={`${id}-href`} className="ed-sublabel">
            Link
          </label>
          <input
            id={`${id}-href`}
            className="ed-input"
            value={v.href}
            placeholder="/pricing or https://…"
            spellCheck={false}
            onChange={(e) => set({ href: e.target.value })}
          />
        </div>
      </div>
    </FieldLabel>
  );
}

export function buttonField(label: string): CustomField<ButtonValue | undefined> {
  return { type: 'custom', label, render: ({ value, onChange }) => <ButtonInput label={label} value={value} onChange={onChange} /> };
}

function LinesInput({ label, hint, value, onChange }: { label: string; hint: string; value: string[] | undefined; onChange(v: string[]): void }) {
  const id = useId();
  return (
    <FieldLabel label={label} el="div">
      <textarea
        id={id}
        aria-label={label}
        aria-describedby={`${id}-hint`}
        className="ed-input ed-textarea"
        rows={Math.min(Math.max((value ?? []).length + 1, 3), 10)}
        value={(value ?? []).join('\n')}
        onChange={(e) => onChange(e.target.value.split('\n'))}
      />
      <p id={`${id}-hint`} className="ed-hint">
        {hint}
      </p>
    </FieldLabel>
  );
}

export function linesField(label: string, hint: string): CustomField<string[]> {
  return { type: 'custom', label, render: ({ value, onChange }) => <LinesInput label={label} hint={hint} value={value} onChange={onChange} /> };
}

/** Where a form sends visitors after they submit: its own message, or one of the site's pages. */
function PageSelect({ label, none, value, onChange }: { label: string; none: string; value: string | undefined; onChange(v: string | undefined): void }) {
  const { doc } = useEditorEnv();
  const id = useId();
  const known = !value || doc.pages.some((p) => p.path === value);
  return (
    <FieldLabel label={label} el="div">
      <select id={id} aria-label={label} className="ed-input ed-select" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{none}</option>
        {doc.pages.map((p) => (
          <option key={p.id} value={p.path}>
            {p.title} ({p.path})
          </option>
        ))}
        {!known && <option value={value}>{value} (page no longer exists)</option>}
      </select>
    </FieldLabel>
  );
}

export function pageSelectField(label: string, none: string): CustomField<string | undefined> {
  return { type: 'custom', label, render: ({ value, onChange }) => <PageSelect label={label} none={none} value={value} onChange={onChange} /> };
}
