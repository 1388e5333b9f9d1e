// The editor's stylesheet, in cascade order.
import './editor-chrome.css'; // the editor frame: Puck tokens, header, device controls, buttons, popovers and dialogs
import './editor-panels.css'; // panels and fields, the image library and the block gallery
import './editor-site.css'; // the pages, theme and site panels, and small screens
import './editor-snippets.css'; // custom code in the page settings, and its dialog
import './editor-translate.css'; // translating a page into a further language, and the site's languages
