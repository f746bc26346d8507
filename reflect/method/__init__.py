"""The method at work on stored data: a session's flow through its protocol, and a story's
interviews read by topic. Sits on the store; the protocol package sits below it."""
