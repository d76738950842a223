import { useMemo } from 'react';
import { renderSVG } from 'uqr';

/** A QR code as an <img> (an SVG data URI: nothing injected into the page). */
export function QrCode({
  value,
  alt,
  className,
  testId,
}: {
  value: string;
  alt: string;
  className?: string;
  testId?: string;
}) {
  const src = useMemo(
    () => `data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(value, { border: 2, ecc: 'M' }))}`,
    [value],
  );
  return <img src={src} alt={alt} className={className} data-testid={testId} />;
}
