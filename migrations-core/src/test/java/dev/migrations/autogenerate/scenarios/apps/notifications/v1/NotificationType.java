package dev.migrations.autogenerate.scenarios.apps.notifications.v1;

public enum NotificationType {

	EMAIL, SMS, PARCEL

}
