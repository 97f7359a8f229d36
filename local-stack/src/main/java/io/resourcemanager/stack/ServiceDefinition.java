package io.resourcemanager.stack;

/**
 * One of the Resource Manager services as the local stack runs it: module {@code <name>-service},
 * main class {@code io.resourcemanager.<name>.Application}, HTTP port from {@code portSetting}.
 *
 * @param name        short name, e.g. {@code allocation}
 * @param portSetting the setting that holds its HTTP port
 */
public record ServiceDefinition(String name, Setting portSetting) {

    /** @return the Maven module that builds the service */
    public String module() {
        return name + "-service";
    }

    /** @return the class whose {@code main} starts the service */
    public String mainClass() {
        return "io.resourcemanager." + name + ".Application";
    }
}
