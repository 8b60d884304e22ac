// The new-batch form: presets from /api/presets, POST /api/batches, and the server's errors shown by field.
const $ = id => document.getElementById(id);

export async function setupForm(api, onSubmitted) {
  const form = $('submit-form');
  const presets = $('presets');
  const { ok, data } = await api('/api/presets');
  if (ok) {
    presets.replaceChildren(...data.presets.map(preset => {
      const option = document.createElement('option');
      option.value = preset.name;
      option.textContent = preset.name;
      option.title = preset.description;
      option.selected = preset.name === 'auto';
      return option;
    }));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const fields = new FormData(form);
    const body = {
      inputs: [fields.get('input').trim()],
      presets: [...presets.selectedOptions].map(option => option.value),
      priority: fields.get('priority'),
      qc: fields.get('qc'),
      recursive: fields.get('recursive') === 'on',
    };
    const output = fields.get('output').trim();
    if (output) body.output = output;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const response = await api('/api/batches', { method: 'POST', body });
      const messages = response.ok ? [] : Object.entries(response.data?.errors || { request: [response.data?.error || `HTTP ${response.status}`] })
        .flatMap(([field, list]) => list.map(message => `${field}: ${message}`));
      $('form-errors').replaceChildren(...messages.map(message => {
        const item = document.createElement('li');
        item.textContent = message;
        return item;
      }));
      if (response.ok) onSubmitted(response.data.id);
    } finally {
      button.disabled = false;
    }
  });
}
