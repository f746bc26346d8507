-- The home screen's three lists: the one source of their queries (issue 30, point 1).
--
-- Run as they are by two readers: reflect.method.glance, through the standard library's
-- sqlite3 before SQLAlchemy is imported (a plain SQLite file at today's schema), and
-- reflect.store.home_lists, through the store's connection on SQLite and PostgreSQL. So
-- each statement is written in the SQL both databases read, with named parameters
-- (:today, :stories, :sessions), and a fixed number of statements whatever the number of
-- stories or sessions (no query per row). Statuses are compared by their stored values
-- (revision 0016). Each statement follows a line '-- name: <key>'.

-- name: due
-- Open actions whose review date has come, oldest date first, with the protocol of the
-- reflection each came from (none when that session is gone).
SELECT a.id, a.review_on, a.text, s.protocol_id
FROM actionitem a
LEFT JOIN session s ON s.id = a.session_id
WHERE a.status = 'open' AND a.review_on IS NOT NULL AND a.review_on <= :today
ORDER BY a.review_on, a.created_at, a.id

-- name: stories
-- The first page of stories, most recently changed first (the order of Store.stories, whose
-- later pages follow this one by its key).
SELECT id, title, status, service, updated_at
FROM story
ORDER BY updated_at DESC, id DESC
LIMIT :stories

-- name: sessions
-- The most recently changed sessions (read from the index on updated_at, then only those
-- rows joined): each with its story's title, its informant (pseudonym, role, and whether
-- they withdrew: the name shown goes through reflect.roles.shown_name), and how many
-- questions have text or a typed value.
SELECT r.id, st.title, r.case_label, r.informant_id, i.pseudonym, i.role, i.withdrawn,
       r.interviewer, r.protocol_id, r.status,
       (SELECT count(*) FROM answer a
        WHERE a.session_id = r.id AND (a.text != '' OR a.value IS NOT NULL)) AS answered,
       r.updated_at
FROM (SELECT id, story_id, informant_id, case_label, interviewer, protocol_id, status,
             updated_at
      FROM session
      ORDER BY updated_at DESC, id DESC
      LIMIT :sessions) r
LEFT JOIN story st ON st.id = r.story_id
LEFT JOIN informant i ON i.id = r.informant_id
ORDER BY r.updated_at DESC, r.id DESC
