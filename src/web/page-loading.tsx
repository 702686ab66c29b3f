// What a page shows while its code arrives (each page is its own chunk): a spinner after a short delay.
import { Spin } from 'antd';

/** Suspense fallback of the route outlets. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingBlock: 48 }}>
      <Spin delay={200} />
    </div>
  );
}
