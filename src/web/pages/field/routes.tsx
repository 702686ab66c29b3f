// Routes of the field area (home, members' phone screens, activities, compliance, forms).
import { HomeOutlined } from '@ant-design/icons';
import type { PageRoute } from '../../routes';

function Home() {
  return <div>界联</div>;
}

/** Field-area routes. */
export const fieldRoutes: PageRoute[] = [{ path: '/', element: <Home />, nav: { key: 'home', icon: <HomeOutlined />, mobile: true, order: 0 } }];
