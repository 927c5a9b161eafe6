#!/usr/bin/env bash
# First-start initialisation of the app's PostgreSQL server (run once by the postgres image's
# entrypoint from /docker-entrypoint-initdb.d, on an empty data directory only). Used by
# docker-compose.yml and by the Kubernetes StatefulSet alike.
#
#   boxoffice          database of the booking app, owned by the login role "boxoffice"
#   notification       database of the notification service, owned by "notification"
#   boxoffice_reader   login role that may only read the booking app's tables (the notification
#                      service looks up recipients there)
#
# Passwords come from the environment: APP_DB_PASSWORD, NOTIFICATION_DB_PASSWORD,
# APP_DB_READER_PASSWORD.
set -euo pipefail

for var in APP_DB_PASSWORD NOTIFICATION_DB_PASSWORD APP_DB_READER_PASSWORD; do
  if [[ -z ${!var:-} ]]; then
    echo "create-databases.sh: $var is empty; refusing to create a role without a password" >&2
    exit 1
  fi
done

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_password="$APP_DB_PASSWORD" \
  -v notification_password="$NOTIFICATION_DB_PASSWORD" \
  -v reader_password="$APP_DB_READER_PASSWORD" <<'SQL'
CREATE ROLE boxoffice LOGIN PASSWORD :'app_password';
CREATE DATABASE boxoffice OWNER boxoffice;
REVOKE ALL ON DATABASE boxoffice FROM PUBLIC;

CREATE ROLE notification LOGIN PASSWORD :'notification_password';
CREATE DATABASE notification OWNER notification;
REVOKE ALL ON DATABASE notification FROM PUBLIC;

CREATE ROLE boxoffice_reader LOGIN PASSWORD :'reader_password';
GRANT CONNECT ON DATABASE boxoffice TO boxoffice_reader;
SQL

# The app creates its tables at start-up (Liquibase, as "boxoffice"); default privileges give the
# reader SELECT on every table "boxoffice" creates from now on, and nothing else.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname boxoffice <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO boxoffice_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE boxoffice IN SCHEMA public GRANT SELECT ON TABLES TO boxoffice_reader;
SQL
