// Public API of the topic views: how GET /v1/topics shows a topic, and which topics are DLQs.
export { DLQ_SUFFIX, isDlqTopic, sourceTopicOfDlq, toTopicView, toTopicViews } from './topic-view';
export type { PartitionOffsetsView, TopicOffsetsInput, TopicView } from './topic-view';
