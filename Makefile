# Boxoffice developer commands. Picks a JDK >= 21 by itself (Temurin 25 where installed).
SHELL := /bin/bash

JDK_CANDIDATES := $(JAVA_HOME) /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
	$(wildcard /usr/lib/jvm/*-25-*) $(wildcard /usr/lib/jvm/*-21-*) $(wildcard /usr/lib/jvm/*)
JAVA_HOME := $(shell for d in $(JDK_CANDIDATES); do \
	if [ -x "$$d/bin/javac" ]; then \
	  v=$$("$$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'); \
	  if [ -n "$$v" ] && [ "$$v" -ge 21 ] 2>/dev/null; then echo "$$d"; break; fi; \
	fi; done)
ifeq ($(JAVA_HOME),)
$(error No JDK >= 21 found; install one or set JAVA_HOME)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
JAVA_MAJOR := $(shell $(JAVA_HOME)/bin/java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
# JDK 24+ warns about sun.misc.Unsafe used by Guice and Maven itself.
UNSAFE_FLAG := $(shell [ $(JAVA_MAJOR) -ge 24 ] && echo --sun-misc-unsafe-memory-access=allow)
export MAVEN_OPTS := $(UNSAFE_FLAG) $(MAVEN_OPTS)
MVN := mvn -B -ntp -Dstyle.color=never

PGHOST ?= 127.0.0.1
PGUSER ?= postgres
DB_NAME ?= boxoffice

.PHONY: build run run-audit run-notification test fmt clean db images

## build: runnable jars, no tests (app/target/boxoffice-app.jar)
build:
	$(MVN) -q package -DskipTests

## run: the app on http://localhost:8080 against local PostgreSQL (database created if missing)
run: build db
	$(JAVA_HOME)/bin/java $(UNSAFE_FLAG) -jar app/target/boxoffice-app.jar

## run-audit: the audit gRPC service on localhost:9090 against local PostgreSQL (database "audit")
run-audit: build
	@$(MAKE) --no-print-directory db DB_NAME=audit
	$(JAVA_HOME)/bin/java $(UNSAFE_FLAG) -jar audit-grpc/target/boxoffice-audit.jar

## run-notification: the notification service (Kafka consumer) against local PostgreSQL
## (database "notification", reading "boxoffice"), Kafka on 127.0.0.1:9092, SMTP on 127.0.0.1:1025
run-notification: build
	@$(MAKE) --no-print-directory db DB_NAME=notification
	@$(MAKE) --no-print-directory db DB_NAME=boxoffice
	$(JAVA_HOME)/bin/java $(UNSAFE_FLAG) -jar notification/target/boxoffice-notification.jar

## db: create the local development database if it does not exist
db:
	@psql -h $(PGHOST) -U $(PGUSER) -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$(DB_NAME)'" | grep -q 1 \
	  || createdb -h $(PGHOST) -U $(PGUSER) $(DB_NAME)

## test: every test (unit, functional, architecture, deployment configuration) plus the formatting check
test:
	$(MVN) verify

## images: the three container images (needs a Docker engine; see README "Run the whole stack")
IMAGE_TAG ?= 0.1.0
images:
	docker build -f app/Dockerfile -t boxoffice/app:$(IMAGE_TAG) .
	docker build -f audit-grpc/Dockerfile -t boxoffice/audit-grpc:$(IMAGE_TAG) .
	docker build -f notification/Dockerfile -t boxoffice/notification:$(IMAGE_TAG) .

## fmt: format all Java sources with google-java-format
fmt:
	$(MVN) -q spotless:apply

clean:
	$(MVN) -q clean
