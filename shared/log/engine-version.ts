// The version of the rules a log was written under. Every log entry and
// every snapshot is stored with it, and a session restored under another
// version is not trusted from its snapshot: its log is replayed from the
// start under the current rules, and an entry they refuse stops that
// session's restore (docs/architecture.md, "Changing rules without breaking
// stored sessions").
//
// Bump it, deliberately, whenever a change to shared/meeting, shared/coaching
// or the log format could make an old log replay differently or make an old
// snapshot mean something else: a rule, a precondition, a state name, the
// shape of the context. The golden logs (tests/golden) fail until they are
// re-recorded, which is the reminder.
// 2: stand-in seats (playedBy), ballots of the electorate (ballot.electorate, paper
// ballots and tallies), the chair's floor calls through mayCall.
// 3: elections count blank ballots as cast (a majority of all ballots), every listed candidate stands
// whether or not a trainee holds the card (`npc:<roleId>`), and an election's written ballots
// (flats and a per-candidate tally) count from its opening.
export const ENGINE_VERSION = 3;
