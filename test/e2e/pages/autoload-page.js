// The page's own script on autoload.html (an external file: the page's CSP allows no inline script). Each button
// adds an element later, after the autoloader's first scan, as a portal's "more" link or a CMS widget would.
let count = 0;
for (const button of document.querySelectorAll('button[data-add]')) {
  button.addEventListener('click', () => {
    const element = document.createElement(button.dataset.add);
    element.id = `later-${++count}`;
    if (button.dataset.src) element.setAttribute('src', button.dataset.src);
    document.querySelector('#later').append(element);
  });
}
