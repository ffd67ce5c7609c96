def my_contributions(request):
    raise NotImplementedError


def create(request, kind):
    raise NotImplementedError


def edit(request, page_id):
    raise NotImplementedError


def report(request, page_id):
    raise NotImplementedError
