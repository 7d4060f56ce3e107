import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { useWideLayout } from '../../../console/use-wide-layout';
import { type ConsoleSection, consoleGroups } from './sections';
// staff.css first, as every staff page has it: one CSS order across the subpackage's chunks.
import '../staff.css';
import './console.css';

/**
 * The frame of every staff page. Below 1024 px (and always in the mini-program) it is today's
 * centred column. At 1024 px and wider, in the browser, a sidebar lists every staff section with
 * the current one marked (aria-current) and the page's content takes the remaining width
 * (decision 0030). The sidebar replaces the page rather than stacking one: a desk user moves
 * between sections, not down and back.
 */
export function StaffConsole({
  current,
  console: wideContent,
  children,
}: {
  current: ConsoleSection;
  /** What the console shows instead of the phone's content (a list page's DataTable); the same content when unset. */
  console?: ReactNode;
  children: ReactNode;
}) {
  const wide = useWideLayout();
  if (process.env.TARO_ENV !== 'h5' || !wide) return <View className="staff">{children}</View>;
  return (
    <div className="console" id="staff-console">
      <nav className="console__nav" aria-label="工作人员控制台导航" id="console-nav">
        <p className="console__brand">洪家 · 工作人员控制台</p>
        {consoleGroups.map((group) => (
          <div key={group.title} className="console__group">
            <p className="console__group-title" id={`console-group-${group.items[0].key}`}>
              {group.title}
            </p>
            <ul aria-labelledby={`console-group-${group.items[0].key}`}>
              {group.items.map((item) => (
                <li key={item.key}>
                  <a
                    className={`console__link${item.key === current ? ' console__link--current' : ''}`}
                    href={`#${item.url}`}
                    id={`console-nav-${item.key}`}
                    aria-current={item.key === current ? 'page' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      if (item.key !== current) void Taro.redirectTo({ url: item.url });
                    }}
                  >
                    {item.text}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main className="console__main staff" id="console-main">
        {wideContent ?? children}
      </main>
    </div>
  );
}
