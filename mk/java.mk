##@ Java
# Java library (bindings-java): JNI crate + Maven project, JUnit 5 through Surefire.
TEST_TARGETS += test-java

MVN ?= mvn

.PHONY: test-java java-deps java-package

java-deps: ## Install a JDK and Maven when missing (Debian)
	@command -v javac >/dev/null && command -v $(MVN) >/dev/null || { \
	  echo "installing a JDK and Maven"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless maven >/dev/null; }

java-package: java-deps ## Build bindings-java/target/lex-<version>.jar (with the native library)
	$(MVN) -B -ntp -f bindings-java/pom.xml -DskipTests package

test-java: java-deps ## Java: JUnit 5 suite (shared vectors, errors, threads, README example) and the jar
	$(MVN) -B -ntp -f bindings-java/pom.xml package
