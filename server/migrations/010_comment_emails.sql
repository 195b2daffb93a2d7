-- A commenter's email address is kept only while it is needed to send them the reply mails they
-- asked for; for anything else (blocks, first-time moderation) its keyed hash (email_hash) serves.
-- Erased now where no reply mail can be sent: the author did not ask for them or unsubscribed, or
-- the comment was deleted or rejected, or its thread is closed (imported comments never ask for
-- them). The check keeps it so for the comment's own state; closing a thread erases its addresses.
UPDATE comments c SET email = NULL, notify_replies = false FROM comment_threads t
 WHERE t.id = c.thread_id AND t.status = 'closed' AND (c.email IS NOT NULL OR c.notify_replies);
UPDATE comments SET email = NULL, notify_replies = false WHERE status IN ('deleted', 'rejected') AND (email IS NOT NULL OR notify_replies);
UPDATE comments SET email = NULL WHERE email IS NOT NULL AND NOT notify_replies;
UPDATE comments SET notify_replies = false WHERE notify_replies AND email IS NULL;
ALTER TABLE comments ADD CONSTRAINT comments_email_for_reply_mails
  CHECK (email IS NULL OR (notify_replies AND status IN ('published', 'pending')));
