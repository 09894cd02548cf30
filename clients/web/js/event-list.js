// The pages' event list: the newest line on top, the last dozen kept.
const MAX_LINES = 12;

/** Adds text at the top of the list with id listId, dropping the oldest lines past a dozen. */
export function logEvent(text, listId = 'events') {
  const li = document.createElement('li');
  li.textContent = text;
  const list = document.getElementById(listId);
  list.prepend(li);
  while (list.children.length > MAX_LINES) list.lastChild.remove();
}
