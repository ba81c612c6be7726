/** The button beside a Message-ID: copies the message's permalink, and says so. Hidden without JavaScript. */
for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy-link')) {
  const status = button.nextElementSibling as HTMLElement | null;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = new URL(button.dataset.permalink!, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      if (status) status.textContent = 'Copied';
    } catch {
      // No clipboard (a page not served over https, a refused permission): show the link to copy by hand.
      if (status) status.textContent = url;
    }
  });
}
