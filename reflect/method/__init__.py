"""The method at work on stored data: a session's flow through its protocol, a story's
interviews read by topic, and the home screen's overview of the work (glance.py). Sits on the
store; the protocol package sits below it."""
