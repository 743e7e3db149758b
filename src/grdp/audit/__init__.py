"""The plan audit: findings (:mod:`~grdp.audit.findings`), identity checks (:mod:`~grdp.audit.identities`),
sector checks (:mod:`~grdp.audit.sectors`) and :func:`~grdp.audit.check.check_plan`."""
