package dev.migrations.autogenerate.scenarios.domains.fhir;

public enum TermConceptPropertyTypeEnum {

	STRING, CODING

}
