/**
 * The business calendar: Korean public holidays and the business days deadlines and payouts fall on. Owns
 * {@code business_holiday} and {@code business_holiday_removed}. Offers {@code api.BusinessCalendar}.
 * Uses the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendar")
package io.billflow.calendar;
