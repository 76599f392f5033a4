// The join link as a QR code, for phones in the room to scan off the projector.
import QRCode from 'qrcode';
import { h } from './dom.ts';

export function qrCode(url: string, testid: string): HTMLElement {
  const box = h('div', { class: 'qr', testid, title: url });
  box.dataset.url = url;
  QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    .then((svg) => (box.innerHTML = svg))
    .catch(() => box.append(url));
  return box;
}
