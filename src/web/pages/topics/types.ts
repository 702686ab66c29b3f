// GET /topics as the web reads it: the shape lives in core (core/text/topic-list.ts), shared with the server.
export type { Topic, TopicCount, TopicList } from '../../../core/text/topic-list';
