/**
 * The static site's one script (`journey build`), bundled for the browser into out/webview/site.js and
 * written inline into every page, where the pages' Content-Security-Policy allows it by its hash and nothing
 * else. It adds what a static page cannot do alone: the index's filter box, and a journey page's views as
 * tabs (one view at a time, the one the address's `#view-...` names). Without it the pages still work:
 * every view is shown, one under the other, and the index lists every journey.
 */
import { SITE_MARKUP } from './site-markup.js';

function setUpFilter(input: HTMLInputElement): void {
    const status = document.getElementById(SITE_MARKUP.filterStatus);
    const sections = [...document.querySelectorAll<HTMLElement>(`section.${SITE_MARKUP.fileSection}`)];
    const apply = () => {
        const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
        let shown = 0;
        let total = 0;
        for (const section of sections) {
            const fileText = section.getAttribute(SITE_MARKUP.filterText) ?? '';
            const rows = [...section.querySelectorAll<HTMLElement>(`tr[${SITE_MARKUP.filterText}]`)];
            let visible = 0;
            for (const row of rows) {
                const text = `${fileText} ${row.getAttribute(SITE_MARKUP.filterText) ?? ''}`;
                row.hidden = !words.every(word => text.includes(word));
                visible += row.hidden ? 0 : 1;
            }
            shown += visible;
            total += rows.length;
            section.hidden = words.length > 0 && visible === 0 && !words.every(word => fileText.includes(word));
        }
        if (status) {
            status.textContent = words.length === 0 ? '' : `${shown} of ${total} journeys match`;
        }
    };
    document.getElementById(SITE_MARKUP.filterBox)?.removeAttribute('hidden');
    input.addEventListener('input', apply);
    // The browser may give the box back its text after a reload or the back button.
    apply();
}

function setUpViewTabs(views: HTMLElement[]): void {
    const tabs = [...document.querySelectorAll<HTMLAnchorElement>(`a.${SITE_MARKUP.viewTab}`)];
    document.documentElement.classList.add('view-tabs-on');
    const show = () => {
        const wanted = views.find(view => `#${view.id}` === decodeURIComponent(location.hash)) ?? views[0];
        for (const view of views) {
            view.hidden = view !== wanted;
        }
        for (const tab of tabs) {
            if (tab.hash === `#${wanted.id}`) {
                tab.setAttribute('aria-current', 'page');
            } else {
                tab.removeAttribute('aria-current');
            }
        }
    };
    // A tab shows its view where the tabs are, rather than jumping down to it as a link to a fragment does;
    // the address still names the view, for the back button and to share.
    for (const tab of tabs) {
        tab.addEventListener('click', event => {
            event.preventDefault();
            history.pushState(null, '', tab.hash);
            show();
        });
    }
    window.addEventListener('hashchange', show);
    window.addEventListener('popstate', show);
    show();
}

const filter = document.getElementById(SITE_MARKUP.filterInput);
if (filter instanceof HTMLInputElement) {
    setUpFilter(filter);
}
const views = [...document.querySelectorAll<HTMLElement>(`section.${SITE_MARKUP.view}`)];
if (views.length > 1) {
    setUpViewTabs(views);
}
