-- Portal links travel sealed: a message is stored with a placeholder in the link's place and the link itself
-- envelope-encrypted here, erased once the message is delivered (#13). Nothing in clear at rest.
alter table notification_message add column sealed_secrets text;

-- Messages written before this change hold their portal tokens in clear: cut them out (the links still work
-- for whoever received them; only the copies at rest go).
update notification_message
set text_body = regexp_replace(text_body, '/portal/access/[A-Za-z0-9_-]{20,}', '/portal/access/erased', 'g'),
    html_body = regexp_replace(html_body, '/portal/access/[A-Za-z0-9_-]{20,}', '/portal/access/erased', 'g'),
    variables = regexp_replace(variables, '/portal/access/[A-Za-z0-9_-]{20,}', '/portal/access/erased', 'g')
where text_body ~ '/portal/access/[A-Za-z0-9_-]{20,}' or html_body ~ '/portal/access/[A-Za-z0-9_-]{20,}'
   or variables ~ '/portal/access/[A-Za-z0-9_-]{20,}';
