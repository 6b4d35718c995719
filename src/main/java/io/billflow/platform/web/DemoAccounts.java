package io.billflow.platform.web;

import java.util.List;

/**
 * The demo sign-ins that the landing and login pages list. Only the embedded default run has them
 * ({@code platform.camunda.demo.DemoUsers}, dev code the production jar does not carry); elsewhere no bean
 * implements this and the pages list nobody.
 */
public interface DemoAccounts {

    /** A demo account as the pages show it: its id (= its password), its staff group, what it is for. */
    record Account(String id, String group, String purpose) {
    }

    List<Account> accounts();
}
