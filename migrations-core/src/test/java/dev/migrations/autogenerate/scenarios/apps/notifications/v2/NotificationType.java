package dev.migrations.autogenerate.scenarios.apps.notifications.v2;

public enum NotificationType {

	EMAIL, SMS, PARCEL, PUSH

}
