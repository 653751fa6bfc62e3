// The lawyer's qualification (GET /api/me/qualification) above every portal page, id="qualification-status":
// PENDING → not yet verified; SUSPENDED → the reason (and until when); VERIFIED → a small badge.
import { api } from '../api.js';
import { t, formatInstant } from '../i18n.js';
import { h, badge } from '../dom.js';
import { registerPortalBanner } from './registry.js';

registerPortalBanner({ id: 'qualification', capability: 'booking', order: 10, render: renderQualification });

async function renderQualification(container) {
  let q;
  try {
    q = await api.get('/me/qualification');
  } catch (error) {
    // A lawyer account without a lawyer record, or no answer: nothing to say here.
    console.warn('GET /api/me/qualification', error);
    return;
  }
  const attrs = { id: 'qualification-status', 'data-status': q.status, role: 'status' };
  if (q.status === 'VERIFIED') {
    container.replaceChildren(h('p', { ...attrs, class: 'qualification ok' }, badge(t('qualification.VERIFIED'), 'ok')));
  } else if (q.status === 'SUSPENDED') {
    container.replaceChildren(h('div', { ...attrs, class: 'qualification off' },
      h('p', null, h('strong', null, t('qualification.SUSPENDED'))),
      q.reason ? h('p', null, t('qualification.reason', { reason: q.reason })) : null,
      q.until ? h('p', null, t('qualification.until', { until: formatInstant(q.until) })) : null));
  } else {
    container.replaceChildren(h('div', { ...attrs, class: 'qualification warn' },
      h('p', null, h('strong', null, t('qualification.PENDING'))),
      h('p', null, t('qualification.pendingText'))));
  }
}
