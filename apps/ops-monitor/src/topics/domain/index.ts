// Public API of the topic views: how GET /v1/topics shows a topic, and which topics are DLQs.
export { isDlqTopic, sourceTopicOfDlq, toTopicView, toTopicViews } from './topic-view';
export type { TopicView } from './topic-view';
