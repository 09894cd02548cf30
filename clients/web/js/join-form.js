// A game page's name form: the name remembered from the last game (or ?name=, which also starts at once), and start
// called with the name given.
const NAME_KEY = 'gameserver.name';

export function onJoin(start) {
  const form = document.getElementById('join');
  const input = document.getElementById('name');
  const params = new URLSearchParams(location.search);
  const begin = (name) => {
    localStorage.setItem(NAME_KEY, name);
    form.hidden = true;
    document.getElementById('game').hidden = false;
    start(name);
  };
  input.value = params.get('name') ?? localStorage.getItem(NAME_KEY) ?? '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = input.value.trim();
    if (name.length > 0) begin(name);
  });
  if (params.has('name')) begin(params.get('name'));
}
