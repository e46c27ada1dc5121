"""Partner towns to approach, each with its reasons and the data behind it.

Finders each propose candidates from one kind of evidence (a declared connection, a
dormant tie, a similar reference case ...); :func:`suggest_partners` merges candidates
that name the same place, keeps the strongest evidence first, and never proposes an
existing active partner as new.
"""

from advisor.partners.suggest import Candidate, PartnerContext, suggest_partners

__all__ = ["Candidate", "PartnerContext", "suggest_partners"]
