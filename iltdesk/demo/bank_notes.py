"""Phrase banks for 1:1 notes and the feedback given in them.

Slots filled at random: {first} the lead's first name, {team}, {teacher}/{teacher2}, {topic},
{n}/{m} small counts, {pct} a percentage, {day} a weekday. Pronouns are avoided on purpose so
any lead fits. The banks are keyed by the part of the year: ``start`` (setting up, distance
learning), ``slump`` (the long low-energy middle) and ``recovery`` (cycles back on track).
"""

from __future__ import annotations

OPENERS: dict[str, tuple[str, ...]] = {
    "start": (
        "{first} came in with the shared agenda already filled in — a good sign this early.",
        "Short one: {first} had a parent call at 3:30, so we kept to the essentials.",
        "Started with the goals for the {team}, as we agreed. {first} thinks the baseline data "
        "is solid but the team hasn't looked at it together yet.",
        "First proper look at {topic} with {first}. Plenty of energy, not much structure yet.",
        "{first} asked to clear logistics first (device swaps, meeting links) so the second half "
        "could be about teaching. Fair.",
        "We spent the opening minutes on how the first weeks of distance learning feel from "
        "inside the {team}. Honest answer: chaotic, but the teachers are trying.",
        "{first} wanted to talk about the new teachers before anything else. Most have never "
        "taught online, and two have never taught at all.",
        "We walked through the {team}'s first week of data together. {first} noticed a pattern "
        "I had missed: the same students absent from every live session.",
        "{first} had already met with {teacher} and {teacher2} this week and came in with their "
        "questions rather than a list of problems.",
        "Mostly about structures: when the {team} meets, what the agenda looks like, who takes "
        "notes. Boring and necessary.",
        "Good, focused 1:1. {first} had read the cycle notes beforehand and came with questions.",
    ),
    "slump": (
        "{first} was quiet at the start. I asked how things really are and waited. It took a "
        "minute, but it came.",
        "We dropped the agenda for the first ten minutes. {first} needed to talk about the load, "
        "and I needed to listen rather than fix.",
        "Hard week on the {team}: {n} teachers out, subs covering live sessions. {first} is "
        "holding a lot of it personally.",
        "I opened with 'what is taking most of your energy right now?' instead of my list. Glad "
        "I did — my list would have missed it.",
        "{first} described the team as 'doing everything at seventy percent'. I asked what we "
        "could stop doing, and we found two things.",
        "Camera off at first; {first} turned it on halfway through. I didn't comment. We kept it "
        "light and short.",
        "We had planned to look at {topic}. We didn't. {first} needed a thinking partner on "
        "{teacher}, and that was the right use of the time.",
        "Energy low on both sides of the screen today. I said so out loud, which seemed to help.",
        "{first} asked if we could keep it to twenty minutes. Yes. We did the two things that "
        "mattered and stopped.",
        "Started with the pulse comments from the {team}. Several said some version of 'nobody "
        "asks us'. {first} took it personally; I said it was about me first.",
        "{first} came in angry about a district deadline that moved again. I let it be said, "
        "then we looked at what is actually in our control.",
    ),
    "recovery": (
        "Better energy today. {first} brought the staff survey results before I could ask.",
        "{first} ran the 1:1 today — opened from the agenda, watched the time, closed with next "
        "steps. I mostly asked questions.",
        "We started from last time's next steps: all but one done, which is a real change from "
        "the middle of the year.",
        "{first} came in with a plan for {topic} and wanted me to poke holes in it. Did so, "
        "gently.",
        "Quick, good 1:1. The {team} is back to looking at student work every week, and it "
        "shows in how {first} talks about the teachers.",
        "{first} opened with a win: {teacher} asked for feedback, unprompted. We took a minute "
        "to enjoy it.",
        "We looked back at the cycle goal together; {first} thinks it is close and named what "
        "would count as evidence.",
        "Mostly planning the next few weeks. {first} is protective of the team's time and said "
        "no to one of my ideas. Good.",
        "{first} wanted feedback on a tricky email to {teacher} before sending it. We rewrote the "
        "first line together; the rest was fine.",
        "We compared the {team} now with the middle of the year. {first} listed three things "
        "that are better and one that isn't.",
        "Light 1:1 — things are working. We used the time to think about what {first} wants to "
        "grow into next year.",
    ),
}

POINTS: dict[str, tuple[str, ...]] = {
    "any": (
        "**SLOs:** {pct}% of the {team}'s students are on track at the midpoint check. {first} "
        "wants to look at the rest by name, not as a number.",
        "**Evaluation cycle:** {n} formal observations still to schedule before the district "
        "window closes. We put them on the calendar together.",
        "**Release time:** {first} will use Thursday release for {topic}. We agreed to protect it "
        "from coverage unless it's a real emergency.",
        "**Coaching calendar:** the co-observation with {teacher} moves to {day}; the video "
        "clip is ready to watch beforehand.",
        "**Team:** {teacher} is carrying a lot and hasn't asked for help. {first} will check in "
        "as a colleague, not as an evaluator.",
        "**Data:** {n} of {m} teachers turned in exit tickets this week. {first} thinks the form "
        "is the problem, not the will.",
        "**Win:** {teacher} tried what the team planned for {topic}, and students actually talked "
        "to each other. {first} wants to show the clip at the next team meeting.",
        "**Calendar:** {first} wants the next co-planning session before, not after, the team "
        "meeting. Moved it to {day}.",
        "**Students:** {n} students on the {team} haven't logged in for a week. {first} and the "
        "counsellor are splitting the calls.",
        "**Protocol:** the team is still skipping the 'what do we notice' step and jumping to "
        "solutions. {first} will hold it for one more week.",
        "**Coverage:** {first} covered {n} classes last week. I said that has to stop and meant "
        "it; we looked at the sub list together.",
        "**New teacher:** {teacher2} asked {first} for help with pacing — a first. Good sign; "
        "handle with care.",
        "**Worry:** {teacher} mentioned leaving at the end of the year. {first} isn't sure how "
        "serious it is; neither am I.",
        "**Goal check:** we reread the cycle goal. Still the right one, but the measure needs "
        "to be something the team can count in five minutes.",
        "**Agenda:** {first} added {m} items to the shared agenda beforehand; two were really "
        "the same question about {topic}.",
        "**Families:** {teacher} has had no contact with {n} families since the start of the "
        "term. {first} will ask the family liaison to help.",
        "**Equity:** the students missing from live sessions are mostly the ones we most need "
        "to see. {first} wants the team to look at attendance by student group.",
        "**Feedback loop:** {first} asked how the staff feedback is being used. I showed the two "
        "decisions it changed; {first} will share that with the team.",
        "**Deadlines:** SLO evidence due {day}; {first} has {n} teachers who haven't started.",
    ),
    "start": (
        "**Norms:** the {team} has {n} new teachers who never saw the norms we wrote in year "
        "one. {first} wants to rebuild them with the team, not hand them over.",
        "**Distance learning:** breakout rooms are where the learning is happening — or not. "
        "{first} wants a simple way for teachers to drop into each other's rooms.",
        "**Baseline:** we agreed the baseline for {topic} before anything else, so we'll know "
        "in four weeks whether anything moved.",
        "**New staff:** {teacher} is brand new and doing well; {teacher2} is struggling with "
        "the platform more than the teaching. Different help for each.",
    ),
    "slump": (
        "**Load:** {first} listed everything the {team} is being asked to do. It is too much. I "
        "took two items off the list on the spot.",
        "**Vacancies:** another resignation conversation this week, with {teacher}. {first} "
        "wants to know how to keep the rest of the team steady.",
        "**Cut list:** we named one thing the {team} can stop doing until the break. {first} "
        "will tell them it came from their own feedback.",
        "**Tell me more:** I asked {first} to tell me more about why the team meeting felt flat. "
        "Answer: the teachers don't see their own questions on the agenda.",
        "**Pause:** we agreed to pause the cycle for two weeks. The goal stays; the timeline "
        "moves. Better than pretending.",
        "**Staff voice:** the pulse survey says {pct}% of staff feel 'stretched thin most days'. "
        "{first} was not surprised. I was, a bit.",
    ),
    "recovery": (
        "**Restart:** the cycle is back on. {first} chose to keep the goal and shorten the "
        "timeline to three weeks.",
        "**Staff feedback:** {pct}% of the {team} said meetings are 'worth my time', up from "
        "the middle of the year. {first} credits the shorter agendas.",
        "**Ownership:** {teacher} led the data protocol this week, with {first} only "
        "timekeeping. That's the goal.",
        "**Next year:** {first} is already thinking about how to welcome new teachers "
        "differently. We started a list.",
        "**Peer visits:** {teacher} and {teacher2} visited each other's live lessons without "
        "being asked. {first} wants to make it a routine, lightly.",
        "**Evidence:** {first} brought {n} pieces of student work that show the change. We "
        "picked the clearest one for the ILT.",
    ),
}

CLOSINGS: tuple[tuple[str, str], ...] = (
    ("Next", "{first} drafts the agenda for the next team meeting; I react by {day}."),
    ("Next", "Next time, {first} brings the exit-ticket sort."),
    ("Next", "{first} talks to {teacher} first; we compare notes next time."),
    ("What I'm taking away", "I talked too much in the first half. Ask, then wait."),
    ("What I'm taking away", "{first} sees the {team} more clearly than I do. Ask more often."),
    (
        "What I'm taking away",
        "The question 'what would make this easier?' did more than any advice I had ready.",
    ),
    ("Tell me more", "Asked {first} to tell me more about {topic}; the real obstacle is time."),
    ("For me", "Get {first} a straight answer about coverage on {day}. Don't let it slide."),
    ("For me", "Follow up with {teacher}'s mentor; the new-teacher check-ins have gone quiet."),
    ("Open question", "Is {topic} the right focus, or the one that's easiest to measure?"),
    ("Next", "{first} tries the new opening at the {team} meeting; I'll drop in on {day}."),
    ("What I'm taking away", "I wanted to solve it for {first}. Better that I didn't."),
    ("For me", "Send {first} the article we talked about, today, before I forget."),
    ("Tell me more", "Next time, ask {first} what the team would say about {topic}."),
)

FEEDBACK: tuple[str, ...] = (
    "Told {first} specifically what worked: opening with student work from {teacher}'s class "
    "kept the team on teaching, not logistics, for most of the meeting.",
    "Named one thing to try: end with a single next step and an owner, instead of three.",
    "Gave written feedback first (as agreed), then we talked it through. {first} disagreed "
    "with one point and was right.",
    "Pointed to the moment the team went quiet after {teacher}'s question — suggested waiting "
    "longer before filling the silence.",
    "Praised how {first} redirected the conversation back to {topic} without shutting "
    "{teacher} down.",
    "Suggested {first} say the purpose of the meeting out loud in the first minute.",
    "Shared what I saw in the breakout rooms: the protocol worked where a teacher owned the timer.",
    "Asked {first} to notice who talked and who didn't; {teacher2} said nothing for the whole "
    "meeting.",
    "Named the growth since last month: questions now, not answers.",
    "Feedback on the data slide: too many numbers. Pick the one the team can act on this week.",
    "Said plainly that the last team meeting ran over by twenty minutes, and asked what {first} "
    "would cut.",
    "Shared a line from the pulse about the {team}: 'our lead actually listens'. {first} went "
    "quiet, then smiled.",
    "Asked {first} to try ending the meeting five minutes early and using them for the next step.",
    "Noted how {first} handled {teacher}'s frustration: named it, didn't argue, came back to "
    "the students.",
)
