import { Descriptions, type DescriptionsProps } from 'antd';

/** The facts a task form shows above its inputs, one a line. */
export function TaskFacts({ items }: { items: DescriptionsProps['items'] }) {
  return <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={items} />;
}
