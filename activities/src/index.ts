// Activity factories (`createRoundActivities({ events, clock })`) are added here by the workflows
// issue; each takes its dependencies as arguments, and Nest DI stays in the apps (STYLE.md rule 6).
export {};
