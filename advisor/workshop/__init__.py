"""Workshop mode: a facilitator runs the self-assessment with a room.

Participants answer the parts the facilitator opened, each on their own device; the
facilitator sees where the room agrees and where it diverges, settles the agreed answers
(pre-accepted by a rule, switchable by hand) and gets the same advice and report as the
wizard, with a section on how the assessment was made. Everything lives in the store, so
several app servers sharing one PostgreSQL serve the same workshop.
"""
