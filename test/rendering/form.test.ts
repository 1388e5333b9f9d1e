import { describe, expect, it } from 'vitest';
import { renderFormErrorPage, renderFormThanksPage, renderSite } from '../../src/rendering/render-site.js';
import { runtimeScript } from '../../src/runtime/index.js';
import { count, docWith } from './helpers.js';

const ctx = { siteUrl: 'http://acme.localhost:3000', siteName: 'Acme' };

const contact = {
  type: 'form' as const,
  props: {
    id: 'contact',
    heading: 'Talk to us',
    subheading: 'We answer within a day.',
    fields: [
      { name: 'name', type: 'text' as const, label: 'Your name', required: true, maxLength: 80 },
      { name: 'email', type: 'email' as const, label: 'Email', required: true, placeholder: 'you@company.com' },
      { name: 'phone', type: 'phone' as const, label: 'Phone' },
      { name: 'topic', type: 'select' as const, label: 'Topic', options: ['Sales', 'Support & billing'] },
      { name: 'message', type: 'textarea' as const, label: 'Message', required: true },
      { name: 'news', type: 'checkbox' as const, label: 'Send me product news' },
      { name: 'consent', type: 'consent' as const, label: 'I agree that Acme stores my message to reply to me.', required: true },
    ],
    buttonLabel: 'Send message',
    successMessage: 'Thanks, we will be in touch.',
  },
};

const site = (blocks: unknown[] = [contact]) =>
  docWith([
    { id: 'home', path: '/', title: 'Home', blocks: [{ type: 'hero', props: { id: 'hero', heading: 'Acme' } }] },
    { id: 'contact', path: '/contact', title: 'Contact', blocks: blocks as never },
  ]);

const contactHtml = (blocks?: unknown[]) => renderSite(site(blocks), ctx).pages.find((p) => p.path === '/contact')!.html;

/** The attributes of the one element matching `re` (its opening tag). */
const tag = (html: string, re: RegExp) => {
  const m = html.match(re);
  expect(m, String(re)).not.toBeNull();
  return m![0];
};

describe('the form block', () => {
  const html = contactHtml();

  it('posts to the form endpoint and works without JavaScript', () => {
    const form = tag(html, /<form[^>]*>/);
    expect(form).toContain('method="post"');
    expect(form).toContain('action="/_atrium/forms/contact"');
    expect(form).toContain('data-atrium-form="contact"');
    expect(form).not.toContain('novalidate');
    expect(html).toMatch(/<button type="submit" class="btn btn-primary form-submit">Send message<\/button>/);
  });

  it('binds a visible label to every input, with the right type and attributes', () => {
    for (const name of ['name', 'email', 'phone', 'topic', 'message', 'news', 'consent']) {
      expect(html, name).toMatch(new RegExp(`<label class="field-label" for="contact-${name}">`));
      const control = tag(html, new RegExp(`<(input|textarea|select)[^>]*id="contact-${name}"[^>]*>`));
      expect(control).toContain(`name="${name}"`);
      expect(control).toContain(`aria-describedby="contact-${name}-error"`);
      expect(html).toContain(`<p id="contact-${name}-error" class="field-error" hidden=""></p>`);
    }
    expect(tag(html, /<input[^>]*id="contact-name"[^>]*>/)).toMatch(/type="text".*autoComplete="name"|type="text"[^>]*autocomplete="name"/i);
    expect(tag(html, /<input[^>]*id="contact-name"[^>]*>/)).toContain('maxLength="80"');
    expect(tag(html, /<input[^>]*id="contact-email"[^>]*>/)).toMatch(/type="email"/);
    expect(tag(html, /<input[^>]*id="contact-email"[^>]*>/)).toMatch(/autocomplete="email"/i);
    expect(tag(html, /<input[^>]*id="contact-email"[^>]*>/)).toContain('placeholder="you@company.com"');
    expect(tag(html, /<input[^>]*id="contact-phone"[^>]*>/)).toMatch(/type="tel"[\s\S]*autocomplete="tel"/i);
    expect(tag(html, /<input[^>]*id="contact-news"[^>]*>/)).toContain('type="checkbox"');
    expect(html).toMatch(/<option value="Support &amp; billing">Support &amp; billing<\/option>/);
    expect(html).toMatch(/<textarea[^>]*id="contact-message"/);
  });

  it('marks required fields for browsers and assistive technology', () => {
    for (const name of ['name', 'email', 'message', 'consent']) {
      const control = tag(html, new RegExp(`<(input|textarea|select)[^>]*id="contact-${name}"[^>]*>`));
      expect(control, name).toContain('required=""');
      expect(control, name).toContain('aria-required="true"');
    }
    for (const name of ['phone', 'topic', 'news']) {
      const control = tag(html, new RegExp(`<(input|textarea|select)[^>]*id="contact-${name}"[^>]*>`));
      expect(control, name).not.toContain('required');
    }
  });

  it('shows the consent wording exactly as the label of its checkbox', () => {
    expect(html).toContain('<label class="field-label" for="contact-consent">I agree that Acme stores my message to reply to me.</label>');
  });

  it('has a hidden honeypot that is off-screen, not display:none, and out of reach of people', () => {
    const wrapper = tag(html, /<div class="form-hp"[^>]*>[\s\S]*?<\/div>/);
    expect(wrapper).toContain('aria-hidden="true"');
    const input = tag(wrapper, /<input[^>]*>/);
    expect(input).toContain('name="_hp"');
    expect(input).toContain('tabindex="-1"');
    expect(input).toMatch(/autocomplete="off"/i);
    const css = renderSite(site(), ctx).css.body;
    const rule = css.match(/\.form-hp\{([^}]*)\}/)![1]!;
    expect(rule).toContain('position:absolute');
    expect(rule).not.toMatch(/display:none|visibility:hidden/);
  });

  it('has a polite status region, hidden until used', () => {
    expect(html).toContain('<p id="contact-status" class="form-status" role="status" aria-live="polite" tabindex="-1" hidden=""></p>');
  });

  it('is CSP-safe and keeps one h1 per page', () => {
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(count(html, /<h1[\s>]/)).toBe(1);
    expect(html).toMatch(/<h1 class="section-title">Talk to us<\/h1>/);
    // Not first on its page: an h2.
    const second = contactHtml([{ type: 'cta', props: { id: 'c', heading: 'Hello' } }, contact]);
    expect(second).toMatch(/<h2 class="section-title">Talk to us<\/h2>/);
    expect(count(second, /<h1[\s>]/)).toBe(1);
  });

  it('without a heading, the page still has its h1 and the form is centred', () => {
    const bare = contactHtml([{ type: 'form', props: { ...contact.props, heading: undefined, subheading: undefined } }]);
    expect(bare).toContain('<h1 class="sr-only">Contact</h1>');
    expect(bare).toContain('class="form-layout"');
  });

  it('pairs short inputs two to a row, never leaving half a row empty', () => {
    const half = (h: string, name: string) =>
      tag(h, new RegExp(`<div class="field[^"]*"><label class="field-label" for="contact-${name}"`)).includes('field-half');
    expect(half(html, 'name')).toBe(true);
    expect(half(html, 'email')).toBe(true);
    expect(half(html, 'phone')).toBe(false); // a run of three: the third is full width
    expect(half(html, 'message')).toBe(false);
  });
});

describe('form result pages', () => {
  const doc = site();

  it('renders the thank-you page with the success message, noindex, in the site shell', () => {
    const html = renderFormThanksPage(doc, ctx, 'contact');
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('Thanks, we will be in touch.');
    expect(html).toContain('href="/"');
    expect(html).toContain('href="/contact"');
    expect(html).toMatch(/<header class="site-header">/);
    expect(html).toMatch(/<footer class="site-footer/);
    expect(html).toContain(renderSite(doc, ctx).css.path);
    expect(count(html, /<h1[\s>]/)).toBe(1);
    expect(html).not.toMatch(/\sstyle=|<script|<style/i);
  });

  it('falls back to a generic message for an unknown form', () => {
    expect(renderFormThanksPage(doc, ctx, 'nope')).toContain('We received your message');
  });

  it('lists what to fix by field label, with a link back to the form', () => {
    const html = renderFormErrorPage(doc, ctx, {
      formId: 'contact',
      issues: [
        { field: 'email', message: 'must be an email address' },
        { field: 'consent', message: 'needs your agreement to send this form' },
        { field: '', message: 'Something <b>odd</b>' },
      ],
      backHref: '/contact#contact',
    });
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('<strong class="form-issue-field">Email</strong><span>Must be an email address.</span>');
    expect(html).toContain('<strong class="form-issue-field">I agree that Acme stores my message to reply to me.</strong>');
    expect(html).toContain('Something &lt;b&gt;odd&lt;/b&gt;.');
    expect(html).toContain('href="/contact#contact"');
    expect(count(html, /<h1[\s>]/)).toBe(1);
    expect(html).not.toMatch(/\sstyle=|<script|<style/i);
  });

  it('shows a single whole-form problem as a sentence, and never links off-site', () => {
    const html = renderFormErrorPage(doc, ctx, {
      formId: 'contact',
      issues: [{ field: '', message: 'This form has expired. Reload the page.' }],
      backHref: '//evil.example',
    });
    expect(html).toContain('Your message was not sent');
    expect(html).toContain('This form has expired. Reload the page.');
    expect(html).not.toContain('evil.example');
    expect(renderFormErrorPage(doc, ctx, { formId: 'contact', issues: [], backHref: '/\\evil.example' })).not.toContain('evil.example');
  });
});

describe('the runtime script', () => {
  it('is small, minified, and free of modern syntax older browsers reject', () => {
    const js = runtimeScript('forms');
    expect(js.length).toBeLessThan(6000);
    expect(js).not.toMatch(/\?\.|\?\?/);
    expect(js).toContain('data-atrium-form');
    expect(runtimeScript('forms')).toBe(js);
  });
});
