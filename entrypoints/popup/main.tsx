import { render } from 'preact';

render(<p>Sagsspor</p>, document.getElementById('app') as HTMLElement);
