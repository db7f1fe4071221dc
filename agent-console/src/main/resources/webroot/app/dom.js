// Building DOM from data without ever interpreting data as HTML: every text goes through textContent.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Shows each field's message under the input named like it; returns whether there were any. */
export function showFieldErrors(form, fields) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  for (const [name, message] of Object.entries(fields || {})) {
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    const note = el('div', { class: 'field-error', role: 'alert', dataset: { field: name } }, message);
    (input?.closest('.field') || input?.parentElement || form).append(note);
  }
  return Object.keys(fields || {}).length > 0;
}

export function fmtDateTime(iso) {
  return iso ? new Date(iso).toLocaleString('it-IT', { dateStyle: 'short', timeStyle: 'short' }) : '';
}
